package io.twinworks.connectors.mqtt;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets with Nagle's algorithm off (Paho's default delays small QoS 1 messages and their acks) and a
 * buffered input stream: Paho reads a message's header byte, length bytes and body with separate reads, each a
 * system call on a bare socket stream.
 */
public final class NoDelaySocketFactory extends SocketFactory {

  private static final int READ_BUFFER_BYTES = 64 * 1024;

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(new BufferedReadSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port), null);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
  }

  private static Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
    Socket socket = new BufferedReadSocket();
    try {
      if (local != null) {
        socket.bind(local);
      }
      socket.connect(remote);
      return noDelay(socket);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  private static Socket noDelay(Socket socket) throws IOException {
    socket.setTcpNoDelay(true);
    return socket;
  }

  /** A socket whose input stream is buffered (one stream per socket, as callers expect). */
  private static final class BufferedReadSocket extends Socket {
    private InputStream buffered;

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (buffered == null) {
        buffered = new BufferedInputStream(super.getInputStream(), READ_BUFFER_BYTES);
      }
      return buffered;
    }
  }
}
