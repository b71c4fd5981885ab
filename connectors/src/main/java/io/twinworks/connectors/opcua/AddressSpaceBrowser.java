package io.twinworks.connectors.opcua;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseDirection;
import org.eclipse.milo.opcua.stack.core.types.enumerated.BrowseResultMask;
import org.eclipse.milo.opcua.stack.core.types.enumerated.NodeClass;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowseResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ReferenceDescription;

/**
 * Lists the address space under a node along hierarchical references (Organizes, HasComponent, ...), to a depth:
 * what a user needs to write the {@code node-id} of a mapping. Reads the data type of every variable found.
 */
public final class AddressSpaceBrowser {

  /** Objects, variables and methods: what a plant's address space is made of (types and views are left out). */
  private static final int NODE_CLASSES = NodeClass.Object.getValue() | NodeClass.Variable.getValue()
      | NodeClass.Method.getValue();

  private final OpcUaClient client;
  private final Map<NodeId, String> dataTypeNames = new HashMap<>();

  public AddressSpaceBrowser(OpcUaClient client) {
    this.client = client;
  }

  /** The Objects folder and what is under it, {@code depth} levels deep. */
  public BrowsedNode browseObjects(int depth) throws UaException {
    return browse(NodeIds.ObjectsFolder, depth);
  }

  /** {@code root} and what is under it, {@code depth} levels deep (0: the root alone). */
  public BrowsedNode browse(NodeId root, int depth) throws UaException {
    List<DataValue> attributes = List.of(client.read(0.0, TimestampsToReturn.Neither, List.of(
        readOf(root, AttributeId.BrowseName), readOf(root, AttributeId.NodeClass))).getResults());
    StatusCode status = attributes.get(0).getStatusCode();
    if (status != null && status.isBad()) {
      throw new UaException(status, "node " + root.toParseableString() + " cannot be browsed: "
          + DataValues.describe(status));
    }
    QualifiedName name = (QualifiedName) attributes.get(0).getValue().getValue();
    Object nodeClass = attributes.get(1).getValue().getValue();
    String className = nodeClass instanceof Integer code ? NodeClass.from(code).name() : String.valueOf(nodeClass);
    return new BrowsedNode(root.toParseableString(), name.toParseableString(), className, "",
        depth > 0 ? children(root, depth - 1) : List.of());
  }

  private List<BrowsedNode> children(NodeId parent, int depthBelow) throws UaException {
    List<ReferenceDescription> references = references(parent);
    List<NodeId> ids = new ArrayList<>();
    for (ReferenceDescription reference : references) {
      ids.add(reference.getNodeId().toNodeId(client.getNamespaceTable()).orElse(null));
    }
    Map<NodeId, String> types = dataTypes(ids, references);
    List<BrowsedNode> children = new ArrayList<>();
    for (int i = 0; i < references.size(); i++) {
      ReferenceDescription reference = references.get(i);
      NodeId id = ids.get(i);
      if (id == null) {
        continue; // on another server
      }
      children.add(new BrowsedNode(id.toParseableString(), reference.getBrowseName().toParseableString(),
          reference.getNodeClass().name(), types.getOrDefault(id, ""),
          depthBelow > 0 && reference.getNodeClass() == NodeClass.Object ? children(id, depthBelow - 1) : List.of()));
    }
    return children;
  }

  private List<ReferenceDescription> references(NodeId parent) throws UaException {
    BrowseResult result = client.browse(new BrowseDescription(parent, BrowseDirection.Forward,
        NodeIds.HierarchicalReferences, true, UInteger.valueOf(NODE_CLASSES),
        UInteger.valueOf(BrowseResultMask.All.getValue())));
    List<ReferenceDescription> references = new ArrayList<>();
    while (true) {
      if (result.getStatusCode().isBad()) {
        throw new UaException(result.getStatusCode(), "browsing " + parent.toParseableString() + " failed: "
            + DataValues.describe(result.getStatusCode()));
      }
      if (result.getReferences() != null) {
        references.addAll(List.of(result.getReferences()));
      }
      ByteString more = result.getContinuationPoint();
      if (more == null || more.isNull()) {
        return references;
      }
      result = client.browseNext(false, List.of(more)).getResults()[0];
    }
  }

  /** The data type name of each variable among {@code ids}, in two reads: the types, then the names not yet known. */
  private Map<NodeId, String> dataTypes(List<NodeId> ids, List<ReferenceDescription> references) throws UaException {
    List<NodeId> variables = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      if (ids.get(i) != null && references.get(i).getNodeClass() == NodeClass.Variable) {
        variables.add(ids.get(i));
      }
    }
    Map<NodeId, NodeId> typeOf = new HashMap<>();
    List<DataValue> types = read(variables, AttributeId.DataType);
    for (int i = 0; i < variables.size(); i++) {
      if (types.get(i).getValue().getValue() instanceof NodeId type) {
        typeOf.put(variables.get(i), type);
      }
    }
    Set<NodeId> unnamed = new LinkedHashSet<>(typeOf.values());
    unnamed.removeAll(dataTypeNames.keySet());
    List<NodeId> toName = List.copyOf(unnamed);
    List<DataValue> names = read(toName, AttributeId.BrowseName);
    for (int i = 0; i < toName.size(); i++) {
      dataTypeNames.put(toName.get(i), names.get(i).getValue().getValue() instanceof QualifiedName name
          ? name.getName() : toName.get(i).toParseableString());
    }
    Map<NodeId, String> result = new HashMap<>();
    typeOf.forEach((variable, type) -> result.put(variable, dataTypeNames.get(type)));
    return result;
  }

  private List<DataValue> read(List<NodeId> ids, AttributeId attribute) throws UaException {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<ReadValueId> reads = ids.stream().map(id -> readOf(id, attribute)).toList();
    return List.of(client.read(0.0, TimestampsToReturn.Neither, reads).getResults());
  }

  private static ReadValueId readOf(NodeId id, AttributeId attribute) {
    return new ReadValueId(id, attribute.uid(), null, QualifiedName.NULL_VALUE);
  }
}
