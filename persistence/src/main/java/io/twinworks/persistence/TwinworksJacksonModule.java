package io.twinworks.persistence;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.twinworks.twins.TwinId;
import io.twinworks.twins.TwinKind;
import java.io.IOException;
import java.util.function.Function;

/**
 * Reads {@link TwinId} and {@link TwinKind} from their string form. Pekko registers the
 * ParameterNamesModule, which turns their single-argument {@code @JsonCreator}s into
 * property-based creators that cannot read a plain string; registered in reference.conf under
 * {@code pekko.serialization.jackson.jackson-modules}.
 */
public final class TwinworksJacksonModule extends SimpleModule {

  private static final long serialVersionUID = 1L;

  public TwinworksJacksonModule() {
    super("TwinworksJacksonModule");
    addDeserializer(TwinId.class, new FromString<>(TwinId.class, TwinId::of));
    addDeserializer(TwinKind.class, new FromString<>(TwinKind.class, TwinKind::of));
  }

  private static final class FromString<T> extends StdScalarDeserializer<T> {

    private static final long serialVersionUID = 1L;
    private final transient Function<String, T> parse;

    FromString(Class<T> type, Function<String, T> parse) {
      super(type);
      this.parse = parse;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = parser.getValueAsString();
      if (text == null) {
        return (T) context.handleUnexpectedToken(handledType(), parser);
      }
      try {
        return parse.apply(text);
      } catch (IllegalArgumentException e) {
        throw context.weirdStringException(text, handledType(), e.getMessage());
      }
    }
  }
}
