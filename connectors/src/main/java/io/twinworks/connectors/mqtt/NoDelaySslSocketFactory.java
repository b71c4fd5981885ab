package io.twinworks.connectors.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS sockets of another factory with Nagle's algorithm off, as {@link NoDelaySocketFactory} gives plain ones (a TLS
 * socket buffers its reads by the record already). Paho calls {@link #createSocket()} and connects it itself.
 */
final class NoDelaySslSocketFactory extends SSLSocketFactory {

  private final SSLSocketFactory tls;

  NoDelaySslSocketFactory(SSLSocketFactory tls) {
    this.tls = tls;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(tls.createSocket());
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
    return noDelay(tls.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(tls.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return noDelay(tls.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(tls.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(tls.createSocket(address, port, localAddress, localPort));
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return tls.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return tls.getSupportedCipherSuites();
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
