package io.lead360.testsupport;

import io.lead360.infra.EmbeddedMongo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;

/**
 * What the tests of a service's two ports (the public one and the management one) share: plain HTTP calls to a
 * port on loopback, each with a deadline, and a MongoDB-wire server of their own for a test that may not share
 * the suite's.
 */
public final class LocalHttp {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LocalHttp() {}

    /** {@code GET http://127.0.0.1:<port><path>}. */
    public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .GET());
    }

    /** Sends the request with a 20-second deadline and reads the body as text. */
    public static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A started MongoDB-wire server on a free port, its files in a new temporary folder. */
    public static EmbeddedMongo startedMongo(String folderPrefix) {
        try {
            EmbeddedMongo mongo = new EmbeddedMongo(Files.createTempDirectory(folderPrefix), 0);
            mongo.start();
            return mongo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
