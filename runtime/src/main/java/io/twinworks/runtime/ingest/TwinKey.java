package io.twinworks.runtime.ingest;

import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;

/** A twin as the ingestion stage groups readings: id and kind together address its entity. */
public record TwinKey(TwinId id, TwinKind kind) {}
