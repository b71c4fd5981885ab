package io.twinworks.runtime.http;

import io.twinworks.runtime.config.RuntimeSettings.Endpoint;
import io.twinworks.runtime.security.HttpSecurity;
import org.apache.pekko.http.javadsl.ConnectionContext;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBuilder;

/** The server builder of the API port: HTTPS only when a key store is configured, plain HTTP otherwise. */
public final class HttpsServers {

  private HttpsServers() {}

  public static ServerBuilder serverAt(Http http, Endpoint endpoint, HttpSecurity security) {
    ServerBuilder builder = http.newServerAt(endpoint.host(), endpoint.port());
    return security.tls().map(tls -> builder.enableHttps(ConnectionContext.httpsServer(tls.sslContext())))
        .orElse(builder);
  }
}
