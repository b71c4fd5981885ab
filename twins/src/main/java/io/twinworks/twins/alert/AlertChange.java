package io.twinworks.twins.alert;

import io.twinworks.twins.CborSerializable;

/**
 * One change of one alert (raised, acknowledged or cleared), numbered per twin so the alert hub can
 * tell a change it already has from a new one when a twin sends its outbox again.
 */
public record AlertChange(long number, Alert alert) implements CborSerializable {}
