package io.twinworks.runtime.simulator;

/** One MQTT publish: its topic, payload and how many readings it carries (0 if malformed). */
public record SimMessage(String topic, String payload, int readings) {}
