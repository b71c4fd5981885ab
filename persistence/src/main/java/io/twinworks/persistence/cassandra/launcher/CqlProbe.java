package io.twinworks.persistence.cassandra.launcher;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A real CQL round trip without a driver: native protocol v4 {@code STARTUP}, then
 * {@code SELECT release_version FROM system.local}. An open port alone does not prove Cassandra serves queries;
 * this does. Only what that one query needs is decoded.
 */
public final class CqlProbe {

  private static final int VERSION_REQUEST = 0x04;
  private static final int VERSION_RESPONSE = 0x84;
  private static final int OP_ERROR = 0x00;
  private static final int OP_STARTUP = 0x01;
  private static final int OP_READY = 0x02;
  private static final int OP_QUERY = 0x07;
  private static final int OP_RESULT = 0x08;
  private static final int RESULT_ROWS = 0x0002;
  private static final int CONSISTENCY_ONE = 0x0001;
  private static final int FLAG_GLOBAL_TABLES_SPEC = 0x0001;
  private static final int FLAG_HAS_MORE_PAGES = 0x0002;
  private static final int FLAG_NO_METADATA = 0x0004;
  private static final int MAX_FRAME = 1 << 20;

  private CqlProbe() {}

  /** Cassandra's {@code release_version}, e.g. {@code 5.0.9}; an IOException when CQL does not answer. */
  public static String releaseVersion(String host, int port, Duration timeout) throws IOException {
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), millis);
      socket.setSoTimeout(millis);
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      DataInputStream in = new DataInputStream(socket.getInputStream());

      send(out, 0, OP_STARTUP, startupBody());
      expect(in, OP_READY);
      send(out, 1, OP_QUERY, queryBody("SELECT release_version FROM system.local"));
      DataInputStream result = expect(in, OP_RESULT);
      return firstCell(result);
    }
  }

  private static byte[] startupBody() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream body = new DataOutputStream(bytes);
    body.writeShort(1);
    writeString(body, "CQL_VERSION");
    writeString(body, "3.0.0");
    return bytes.toByteArray();
  }

  private static byte[] queryBody(String cql) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream body = new DataOutputStream(bytes);
    byte[] query = cql.getBytes(StandardCharsets.UTF_8);
    body.writeInt(query.length);
    body.write(query);
    body.writeShort(CONSISTENCY_ONE);
    body.writeByte(0);
    return bytes.toByteArray();
  }

  private static void send(DataOutputStream out, int stream, int opcode, byte[] body) throws IOException {
    out.writeByte(VERSION_REQUEST);
    out.writeByte(0);
    out.writeShort(stream);
    out.writeByte(opcode);
    out.writeInt(body.length);
    out.write(body);
    out.flush();
  }

  private static DataInputStream expect(DataInputStream in, int opcode) throws IOException {
    int version = in.readUnsignedByte();
    in.readUnsignedByte();
    in.readShort();
    int op = in.readUnsignedByte();
    int length = in.readInt();
    if (length < 0 || length > MAX_FRAME) {
      throw new IOException("CQL frame of " + length + " bytes");
    }
    byte[] body = new byte[length];
    in.readFully(body);
    DataInputStream frame = new DataInputStream(new java.io.ByteArrayInputStream(body));
    if (op == OP_ERROR) {
      int code = frame.readInt();
      throw new IOException("CQL error 0x" + Integer.toHexString(code) + ": " + readString(frame));
    }
    if (version != VERSION_RESPONSE || op != opcode) {
      throw new IOException("unexpected CQL response: version 0x" + Integer.toHexString(version) + ", opcode 0x"
          + Integer.toHexString(op));
    }
    return frame;
  }

  private static String firstCell(DataInputStream result) throws IOException {
    int kind = result.readInt();
    if (kind != RESULT_ROWS) {
      throw new IOException("CQL result of kind " + kind + ", expected rows");
    }
    int flags = result.readInt();
    int columns = result.readInt();
    if ((flags & FLAG_HAS_MORE_PAGES) != 0) {
      skipBytes(result);
    }
    if ((flags & FLAG_NO_METADATA) == 0) {
      boolean global = (flags & FLAG_GLOBAL_TABLES_SPEC) != 0;
      if (global) {
        readString(result);
        readString(result);
      }
      for (int i = 0; i < columns; i++) {
        if (!global) {
          readString(result);
          readString(result);
        }
        readString(result);
        int type = result.readUnsignedShort();
        if (type == 0x0000 || type >= 0x0020) {
          throw new IOException("unexpected CQL column type 0x" + Integer.toHexString(type));
        }
      }
    }
    int rows = result.readInt();
    if (rows < 1 || columns < 1) {
      throw new IOException("no row in system.local");
    }
    int length = result.readInt();
    if (length < 0) {
      throw new IOException("release_version is null");
    }
    return new String(result.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeShort(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    return new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8);
  }

  private static void skipBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length > 0) {
      in.readNBytes(length);
    }
  }
}
