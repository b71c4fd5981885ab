package io.twinworks.persistence.cassandra.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/** Loopback port checks. A free port can be taken by someone else before Cassandra binds it; that shows in its log. */
final class Ports {

  static final String LOOPBACK = "127.0.0.1";

  private Ports() {}

  /** True when nothing listens on 127.0.0.1:port and it can be bound. */
  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** True when something accepts connections on 127.0.0.1:port. */
  static boolean accepts(int port, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(LOOPBACK, port), timeoutMillis);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code count} distinct free loopback ports, none of them in {@code exclude}. */
  static int[] free(int count, Set<Integer> exclude) {
    Set<Integer> taken = new HashSet<>(exclude);
    int[] ports = new int[count];
    for (int i = 0; i < count; i++) {
      int port;
      do {
        port = freePort();
      } while (!taken.add(port));
      ports[i] = port;
    }
    return ports;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new CassandraLaunchException("could not find a free port on " + LOOPBACK + ": " + e.getMessage(), e);
    }
  }
}
