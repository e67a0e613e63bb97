package io.otelring.processor.attraction;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.otelring.core.consumer.ClientMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A validated list of attribute actions, compiled once (values converted, patterns compiled) and
 * applied in order to one attribute list at a time — the Go collector's {@code AttrProc}. Runs on
 * the ring thread: no locks, no I/O, no allocation for an action that does not apply.
 */
public final class AttributeActions {

  private final Step[] steps;

  private AttributeActions(Step[] steps) {
    this.steps = steps;
  }

  /**
   * Compiles a list that {@link ActionConfig#validate} accepted.
   *
   * @throws IllegalArgumentException when the list was not validated and is invalid
   */
  public static AttributeActions compile(List<ActionConfig> actions) {
    List<String> problems = ActionConfig.validate("actions", actions);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Step[] steps = new Step[actions.size()];
    for (int i = 0; i < steps.length; i++) {
      steps[i] = Step.of(actions.get(i));
    }
    return new AttributeActions(steps);
  }

  /** Applies every action in order; returns whether the attributes changed. */
  public boolean apply(MutableAttributes attributes, ClientMetadata metadata) {
    for (Step step : steps) {
      step.apply(attributes, metadata);
    }
    return attributes.changed();
  }

  private enum Kind {
    INSERT,
    UPDATE,
    UPSERT,
    DELETE,
    HASH,
    EXTRACT,
    CONVERT
  }

  private record Step(
      Kind kind,
      String key,
      AnyValue value,
      String fromAttribute,
      String fromContext,
      AnyValue defaultValue,
      Pattern pattern,
      String[] groupNames,
      String convertedType,
      KeyValue constant) {

    static Step of(ActionConfig config) {
      Kind kind = Kind.valueOf(config.actionName().toUpperCase(java.util.Locale.ROOT));
      Pattern pattern =
          ActionConfig.empty(config.pattern()) ? null : Pattern.compile(config.pattern());
      String[] groups = null;
      if (kind == Kind.EXTRACT) {
        groups = new String[pattern.groupCount() + 1];
        for (Map.Entry<String, Integer> group : pattern.namedGroups().entrySet()) {
          groups[group.getValue()] = group.getKey();
        }
      }
      AnyValue value = config.value() == null ? null : AnyValues.fromConfig(config.value());
      // A literal value is the same entry for every item: built once here, not per item.
      KeyValue constant =
          value == null ? null : KeyValue.newBuilder().setKey(config.key()).setValue(value).build();
      return new Step(
          kind,
          config.key(),
          value,
          ActionConfig.empty(config.fromAttribute()) ? null : config.fromAttribute(),
          ActionConfig.empty(config.fromContext()) ? null : config.fromContext(),
          config.defaultValue() == null ? null : AnyValues.fromConfig(config.defaultValue()),
          pattern,
          groups,
          config.convertedType(),
          constant);
    }

    void apply(MutableAttributes attributes, ClientMetadata metadata) {
      switch (kind) {
        case INSERT -> {
          int index = attributes.indexOf(key);
          if (index < 0) {
            write(attributes, index, metadata);
          }
        }
        case UPDATE -> {
          int index = attributes.indexOf(key);
          if (index >= 0) {
            write(attributes, index, metadata);
          }
        }
        case UPSERT -> write(attributes, attributes.indexOf(key), metadata);
        case DELETE -> {
          if (key != null) {
            attributes.remove(key);
          }
          for (String match : matchingKeys(attributes)) {
            attributes.remove(match);
          }
        }
        case HASH -> {
          if (key != null) {
            hash(attributes, key);
          }
          for (String match : matchingKeys(attributes)) {
            hash(attributes, match);
          }
        }
        case EXTRACT -> extract(attributes);
        case CONVERT -> {
          AnyValue current = attributes.get(key);
          if (current != null) {
            AnyValue converted = Conversions.convert(current, convertedType);
            if (converted != current) {
              attributes.put(key, converted);
            }
          }
        }
      }
    }

    /** Sets the key (at {@code index}, or last when absent) to the action's source, if any. */
    private void write(MutableAttributes attributes, int index, ClientMetadata metadata) {
      if (constant != null) {
        attributes.put(index, constant);
        return;
      }
      AnyValue source = source(attributes, metadata);
      if (source != null) {
        attributes.put(index, KeyValue.newBuilder().setKey(key).setValue(source).build());
      }
    }

    private AnyValue source(MutableAttributes attributes, ClientMetadata metadata) {
      AnyValue found;
      if (value != null) {
        found = value;
      } else if (fromContext != null) {
        found = AttributeActions.fromContext(metadata, fromContext);
      } else if (fromAttribute != null) {
        found = attributes.get(fromAttribute);
      } else {
        found = null;
      }
      return found != null ? found : defaultValue;
    }

    private List<String> matchingKeys(MutableAttributes attributes) {
      if (pattern == null) {
        return List.of();
      }
      List<String> keys = new ArrayList<>(2);
      for (int i = 0; i < attributes.size(); i++) {
        String candidate = attributes.keyAt(i);
        if (pattern.matcher(candidate).find()) {
          keys.add(candidate);
        }
      }
      return keys;
    }

    private static void hash(MutableAttributes attributes, String key) {
      AnyValue current = attributes.get(key);
      if (current != null) {
        attributes.put(key, AnyValues.sha256(current));
      }
    }

    private void extract(MutableAttributes attributes) {
      AnyValue current = attributes.get(key);
      if (current == null || current.getValueCase() != AnyValue.ValueCase.STRING_VALUE) {
        return;
      }
      Matcher matcher = pattern.matcher(current.getStringValue());
      if (!matcher.find()) {
        return;
      }
      for (int group = 1; group < groupNames.length; group++) {
        // A group that took no part in the match yields "", as Go's FindStringSubmatch does.
        String text = matcher.group(group);
        attributes.put(groupNames[group], AnyValues.string(text == null ? "" : text));
      }
    }
  }

  /**
   * A value from the request's context, as Go's {@code from_context}: {@code metadata.<key>} reads
   * client metadata (headers kept with {@code include_metadata}); {@code auth.*} and {@code
   * client.address} are not carried by otelring's envelope and give nothing; any other key reads
   * metadata directly. Several values are joined with {@code ;}.
   */
  static AnyValue fromContext(ClientMetadata metadata, String key) {
    List<String> values;
    if (key.equals("client.address") || key.startsWith("auth.")) {
      return null;
    } else if (key.startsWith("metadata.")) {
      values = metadata.get(key.substring("metadata.".length()));
    } else {
      values = metadata.get(key);
    }
    return values.isEmpty() ? null : AnyValues.string(String.join(";", values));
  }
}
