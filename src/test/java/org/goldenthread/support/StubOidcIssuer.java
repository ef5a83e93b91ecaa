package org.goldenthread.support;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal OpenID Connect provider on localhost, standing in for NHS CIS2 or Microsoft Entra ID:
 * discovery, an authorise endpoint that signs in whoever the test names, a token endpoint that
 * issues a signed ID token, and the key set to verify it.
 */
public final class StubOidcIssuer {

    public static final String CLIENT_ID = "golden-thread-test";
    private static StubOidcIssuer instance;

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();
    private volatile String nextEmail = "nobody@example.org";
    private volatile boolean nextEmailVerified = true;
    private volatile String nextName;
    private final java.util.concurrent.atomic.AtomicInteger signOuts = new java.util.concurrent.atomic.AtomicInteger();

    public static synchronized StubOidcIssuer instance() {
        if (instance == null) {
            instance = new StubOidcIssuer();
        }
        return instance;
    }

    private StubOidcIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("stub").generate();
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.createContext("/logout", this::logout);
        server.createContext("/jwks", ex -> send(ex, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.start();
    }

    public String issuer() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Who the provider will say signed in next, with an email address it has verified. */
    public void signInNextAs(String email) {
        signInNextAs(email, true);
    }

    /** Who signs in next; {@code emailVerified} false stands for an address the provider never checked. */
    public void signInNextAs(String email, boolean emailVerified) {
        this.nextEmail = email;
        this.nextEmailVerified = emailVerified;
        this.nextName = null;
    }

    /** Who signs in next, with the name the provider holds for them (its {@code name} claim). */
    public void signInNextAs(String email, String name) {
        signInNextAs(email, true);
        this.nextName = name;
    }

    /** How many times a relying party has sent someone here to sign out (RP-initiated logout). */
    public int signOuts() {
        return signOuts.get();
    }

    private void logout(HttpExchange ex) throws IOException {
        signOuts.incrementAndGet();
        String back = parse(ex.getRequestURI().getRawQuery()).get("post_logout_redirect_uri");
        ex.getResponseHeaders().add("Location", back == null ? issuer() : back);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void discovery(HttpExchange ex) throws IOException {
        String i = issuer();
        send(ex, 200, """
                {"issuer":"%s","authorization_endpoint":"%s/authorize","token_endpoint":"%s/token",
                 "jwks_uri":"%s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","email","profile"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic","client_secret_post"],
                 "end_session_endpoint":"%s/logout"}""".formatted(i, i, i, i, i));
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = parse(ex.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        codes.put(code, new String[] {nextEmail, q.get("nonce"), String.valueOf(nextEmailVerified), nextName});
        String location = q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        Map<String, String> form = parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String[] grant = codes.remove(form.get("code"));
        if (grant == null) {
            send(ex, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            Date now = new Date();
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer())
                    .subject("sub-" + grant[0])
                    .audience(CLIENT_ID)
                    .issueTime(now)
                    .expirationTime(new Date(now.getTime() + 300_000))
                    .claim("nonce", grant[1])
                    .claim("email", grant[0])
                    .claim("email_verified", Boolean.parseBoolean(grant[2]))
                    .claim("name", grant[3])
                    .build();
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(key.getKeyID())
                            .build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            send(
                    ex,
                    200,
                    "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\","
                            + "\"expires_in\":300,\"scope\":\"openid\",\"id_token\":\"" + jwt.serialize() + "\"}");
        } catch (Exception e) {
            send(ex, 500, "{\"error\":\"server_error\"}");
        }
    }

    private static Map<String, String> parse(String query) {
        Map<String, String> map = new HashMap<>();
        if (query == null) {
            return map;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
