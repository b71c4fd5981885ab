package io.twinworks.runtime.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A Linux network namespace for one runtime node, joined to this host by two veth links: the <em>cluster</em> link
 * carries Pekko's remoting to the other nodes, the <em>services</em> link reaches Cassandra, Mosquitto and the test's
 * HTTP calls. {@link #cutClusterLink()} partitions the node from the cluster while it still reaches its store and
 * broker, the dangerous kind of partition; {@link #restoreClusterLink()} heals it. Needs root (or password-less
 * {@code sudo}) and iproute2's {@code ip}.
 */
final class NetworkNamespace implements AutoCloseable {

  private final String name;
  private final int subnet;
  private final List<String> hostLinks = new ArrayList<>();

  private NetworkNamespace(String name, int subnet) {
    this.name = name;
    this.subnet = subnet;
  }

  /** Creates the namespace and both links, up; throws with what to do when {@code ip netns} is not usable here. */
  static NetworkNamespace create() {
    int subnet = ThreadLocalRandom.current().nextInt(256);
    String id = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    NetworkNamespace ns = new NetworkNamespace("twns" + id, subnet);
    try {
      ns.ip("netns", "add", ns.name);
      ns.ip("netns", "exec", ns.name, "ip", "link", "set", "lo", "up");
      ns.link("twc" + id, ns.hostClusterAddress(), ns.clusterAddress());
      ns.link("tws" + id, ns.hostServicesAddress(), ns.servicesAddress());
      return ns;
    } catch (RuntimeException e) {
      ns.close();
      throw e;
    }
  }

  /** Where nodes outside the namespace bind Pekko remoting, so the node inside reaches them over the cluster link. */
  String hostClusterAddress() {
    return "10.251." + subnet + ".1";
  }

  /** The node's own remoting address, inside. */
  String clusterAddress() {
    return "10.251." + subnet + ".2";
  }

  /** This host as seen from inside over the services link: Cassandra and Mosquitto answer here. */
  String hostServicesAddress() {
    return "10.252." + subnet + ".1";
  }

  /** The node as seen from this host over the services link: its management and HTTP ports. */
  String servicesAddress() {
    return "10.252." + subnet + ".2";
  }

  /** The command prefix that runs a program inside. */
  List<String> execPrefix() {
    List<String> prefix = new ArrayList<>(asRoot());
    prefix.addAll(List.of("ip", "netns", "exec", name));
    return prefix;
  }

  /** Takes the inside end of the cluster link down: packets between the node and the cluster are dropped. */
  void cutClusterLink() {
    ip("netns", "exec", name, "ip", "link", "set", hostLinks.get(0) + "p", "down");
  }

  void restoreClusterLink() {
    ip("netns", "exec", name, "ip", "link", "set", hostLinks.get(0) + "p", "up");
  }

  /** A veth pair {@code hostEnd} (here) and {@code hostEnd + "p"} (inside), addressed as a /30 and up. */
  private void link(String hostEnd, String hostAddress, String insideAddress) {
    String insideEnd = hostEnd + "p";
    ip("link", "add", hostEnd, "type", "veth", "peer", "name", insideEnd);
    hostLinks.add(hostEnd);
    ip("link", "set", insideEnd, "netns", name);
    ip("addr", "add", hostAddress + "/30", "dev", hostEnd);
    ip("link", "set", hostEnd, "up");
    ip("netns", "exec", name, "ip", "addr", "add", insideAddress + "/30", "dev", insideEnd);
    ip("netns", "exec", name, "ip", "link", "set", insideEnd, "up");
  }

  private void ip(String... args) {
    List<String> command = new ArrayList<>(asRoot());
    command.add("ip");
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output
            + " (this test needs root or password-less sudo, and iproute2: apt-get install iproute2)");
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage()
          + " (install iproute2)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> asRoot() {
    return "root".equals(System.getProperty("user.name")) ? List.of() : List.of("sudo", "-n");
  }

  /** Removes the namespace; its ends of the links go with it, and so do ours. */
  @Override
  public void close() {
    for (String hostEnd : hostLinks) {
      quietly("link", "del", hostEnd);
    }
    quietly("netns", "del", name);
  }

  private void quietly(String... args) {
    try {
      ip(args);
    } catch (IllegalStateException e) {
      System.err.println("NetworkNamespace: " + e.getMessage());
    }
  }
}
