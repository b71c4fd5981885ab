package io.twinworks.connectors.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.twinworks.testsupport.OpcUaTestServer;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browsing the test server's address space finds its variables with their node ids and data types. */
class OpcUaBrowserIT {

  @TempDir
  Path pkiDir;

  @Test
  void browsesFoldersAndVariablesWithDataTypes() throws Exception {
    try (OpcUaTestServer server = OpcUaTestServer.launch(); ClientPki pki = ClientPki.open(pkiDir)) {
      OpcUaClient client = OpcUaClients.create(ServerConnection.insecure(server.url()), pki);
      client.connect();
      try {
        AddressSpaceBrowser browser = new AddressSpaceBrowser(client);
        BrowsedNode objects = browser.browseObjects(2);
        assertEquals("i=85", objects.nodeId());
        assertEquals("Object", objects.nodeClass());
        BrowsedNode line = objects.children().stream().filter(n -> n.nodeId().equals(server.nodeId("Line1")))
            .findFirst().orElseThrow(() -> new AssertionError(objects.tree()));
        List<String> variables = line.children().stream()
            .map(n -> n.browseName() + " " + n.nodeClass() + " " + n.dataType() + " " + n.nodeId()).toList();
        int ns = server.namespaceIndex();
        assertTrue(variables.containsAll(List.of(
            ns + ":Temp Variable Double " + server.nodeId("Line1.Temp"),
            ns + ":Count Variable Int32 " + server.nodeId("Line1.Count"),
            ns + ":Running Variable Boolean " + server.nodeId("Line1.Running"),
            ns + ":Name Variable String " + server.nodeId("Line1.Name"))), variables.toString());
        assertTrue(objects.tree().contains("\n    " + ns + ":Temp  Variable Double  " + server.nodeId("Line1.Temp")
            + "\n"), objects.tree());

        BrowsedNode lineOnly = browser.browse(NodeId.parse(server.nodeId("Line1")), 1);
        assertEquals(6, lineOnly.children().size(), lineOnly.tree());
        assertThrows(UaException.class, () -> browser.browse(NodeId.parse(server.nodeId("Nope")), 1));
      } finally {
        client.disconnect();
      }
    }
  }
}
