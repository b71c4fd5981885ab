package io.twinworks.connectors.opcua;

import java.util.Locale;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;

/**
 * The deadband of a monitored item: a change smaller than it is not reported. Written {@code none},
 * {@code absolute 0.5} (in the variable's unit) or {@code percent 2} (of its EURange, which the server must know).
 */
public record Deadband(DeadbandType type, double value) {

  public static final Deadband NONE = new Deadband(DeadbandType.None, 0);

  public Deadband {
    if (type == null || type == DeadbandType.None && value != 0) {
      throw new IllegalArgumentException("a deadband of type None has no value");
    }
    if (!(value >= 0) || Double.isInfinite(value) || type == DeadbandType.Percent && value > 100) {
      throw new IllegalArgumentException("deadband must be a number from 0" + (type == DeadbandType.Percent
          ? " to 100" : "") + ", was " + value);
    }
  }

  /** Parses {@code none}, {@code absolute N} or {@code percent N}. */
  public static Deadband parse(String text) {
    String[] words = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
    if (words.length == 1 && words[0].equals("none")) {
      return NONE;
    }
    if (words.length == 2 && (words[0].equals("absolute") || words[0].equals("percent"))) {
      double value;
      try {
        value = Double.parseDouble(words[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("deadband value must be a number, was '" + words[1] + "'");
      }
      return new Deadband(words[0].equals("absolute") ? DeadbandType.Absolute : DeadbandType.Percent, value);
    }
    throw new IllegalArgumentException("deadband must be 'none', 'absolute N' or 'percent N', was '" + text + "'");
  }

  /** The filter of the monitored item: report a change of status or value beyond the deadband. */
  DataChangeFilter filter() {
    return new DataChangeFilter(DataChangeTrigger.StatusValue, UInteger.valueOf(type.getValue()), value);
  }

  @Override
  public String toString() {
    return type == DeadbandType.None ? "none" : type.name().toLowerCase(Locale.ROOT) + " " + value;
  }
}
