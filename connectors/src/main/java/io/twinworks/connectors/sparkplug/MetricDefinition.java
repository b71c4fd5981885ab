package io.twinworks.connectors.sparkplug;

import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;

/** A metric as a birth certificate defines it: the name data messages may refer to by alias, and its type. */
record MetricDefinition(String name, DataType type) {}
