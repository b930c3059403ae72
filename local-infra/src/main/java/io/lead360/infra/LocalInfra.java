package io.lead360.infra;

public final class LocalInfra {
    public static void main(String[] args) {
    }
}
