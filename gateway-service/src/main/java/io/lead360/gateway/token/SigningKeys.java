package io.lead360.gateway.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import io.lead360.service.ProductionModeException;
import io.lead360.service.SigningKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current signing key and the keys rotated out before it. Only the current key signs; all of
 * them are published and accepted, so tokens signed before a rotation keep working until they expire.
 */
public final class SigningKeys {

    private final SigningKey current;
    private final List<SigningKey> previous;

    SigningKeys(SigningKey current, List<SigningKey> previous) {
        this.current = current;
        this.previous = List.copyOf(previous);
    }

    /**
     * Loads the keys. In production every file must already exist and hold a usable key, and all
     * problems are reported at once (an operator fixes them in one go); otherwise a missing current
     * key is generated, but a missing previous key still fails (it was named on purpose).
     */
    public static SigningKeys load(Path currentFile, List<Path> previousFiles, boolean production) {
        List<Path> previousPaths = previousFiles == null
                ? List.of()
                : previousFiles.stream()
                        .filter(path -> !path.toString().isBlank())
                        .toList();
        if (production) {
            List<String> problems = new ArrayList<>();
            SigningKey.problemWith(currentFile).ifPresent(problems::add);
            previousPaths.forEach(path ->
                    SigningKey.problemWith(path).ifPresent(problem -> problems.add("previous key: " + problem)));
            if (!problems.isEmpty()) {
                throw new ProductionModeException(problems);
            }
        }
        SigningKey current = production ? SigningKey.load(currentFile) : SigningKey.loadOrCreate(currentFile);
        return new SigningKeys(
                current, previousPaths.stream().map(SigningKey::load).toList());
    }

    public SigningKey current() {
        return current;
    }

    /** Public halves of every accepted key, current first, each key once. */
    public List<JWK> publicJwks() {
        Map<String, JWK> byKeyId = new LinkedHashMap<>();
        byKeyId.put(current.keyId(), current.privateJwk().toPublicJWK());
        previous.forEach(
                key -> byKeyId.putIfAbsent(key.keyId(), key.privateJwk().toPublicJWK()));
        return List.copyOf(byKeyId.values());
    }

    /** The key set served at /.well-known/jwks.json. */
    public JWKSet publicKeySet() {
        return new JWKSet(publicJwks());
    }
}
