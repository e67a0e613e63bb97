package io.otelring.core.component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The factories a collector knows, by kind and type, and the aliases of types ({@code otlp_grpc}
 * for {@code otlp}). A type claimed twice within a kind is a programming error and fails at once.
 * An alias may name a type this build does not have yet; looking it up then finds nothing, and
 * {@link #aliasTarget} lets the error message say what the alias stands for.
 */
public final class Factories {

  private final Map<Kind, Map<String, Factory<?>>> byType = new EnumMap<>(Kind.class);
  private final Map<Kind, Map<String, String>> aliases = new EnumMap<>(Kind.class);
  private final Map<Kind, List<Factory<?>>> ordered = new EnumMap<>(Kind.class);

  private Factories(List<? extends Factory<?>> factories, Map<Kind, Map<String, String>> aliases) {
    for (Kind kind : Kind.values()) {
      byType.put(kind, new TreeMap<>());
      ordered.put(kind, new ArrayList<>());
      this.aliases.put(kind, new TreeMap<>(aliases.getOrDefault(kind, Map.of())));
    }
    for (Factory<?> factory : factories) {
      Factory<?> previous = byType.get(factory.kind()).putIfAbsent(factory.type(), factory);
      if (previous != null) {
        throw new IllegalStateException(
            factory.kind().singular()
                + " type \""
                + factory.type()
                + "\" is claimed by both "
                + previous.getClass().getName()
                + " and "
                + factory.getClass().getName());
      }
      ordered.get(factory.kind()).add(factory);
    }
  }

  public static Factories of(List<? extends Factory<?>> factories) {
    return new Factories(factories, Map.of());
  }

  /** Factories plus aliases: per kind, alias → canonical type. */
  public static Factories of(
      List<? extends Factory<?>> factories, Map<Kind, Map<String, String>> aliases) {
    return new Factories(factories, aliases);
  }

  /** The factory for a type or alias of the given kind. */
  public Optional<Factory<?>> find(Kind kind, String typeOrAlias) {
    String type = aliases.get(kind).getOrDefault(typeOrAlias, typeOrAlias);
    return Optional.ofNullable(byType.get(kind).get(type));
  }

  /** The canonical type an alias stands for, empty when the name is not an alias. */
  public Optional<String> aliasTarget(Kind kind, String name) {
    return Optional.ofNullable(aliases.get(kind).get(name));
  }

  /** The aliases of a type, sorted. */
  public List<String> aliasesOf(Kind kind, String type) {
    return aliases.get(kind).entrySet().stream()
        .filter(e -> e.getValue().equals(type))
        .map(Map.Entry::getKey)
        .toList();
  }

  /** Each factory of a kind once, in registration order. */
  public List<Factory<?>> all(Kind kind) {
    return List.copyOf(ordered.get(kind));
  }

  /** The types of a kind and the aliases of those types, sorted, for error messages. */
  public List<String> names(Kind kind) {
    TreeSet<String> names = new TreeSet<>(byType.get(kind).keySet());
    aliases
        .get(kind)
        .forEach(
            (alias, type) -> {
              if (byType.get(kind).containsKey(type)) {
                names.add(alias);
              }
            });
    return List.copyOf(names);
  }
}
