package io.twinworks.twins;

/**
 * Marker for every message, event and state that crosses a serialization boundary (journal, snapshot,
 * cluster). The persistence module binds it to Jackson CBOR in configuration, so the domain never
 * imports a store.
 */
public interface CborSerializable {}
