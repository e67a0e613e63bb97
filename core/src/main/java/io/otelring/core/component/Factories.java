package io.otelring.core.component;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The factories a collector knows, by kind and by type or alias. Built from the registry; a type or
 * alias claimed twice within a kind is a programming error and fails at once.
 */
public final class Factories {

  private final Map<Kind, Map<String, Factory<?>>> byKind = new EnumMap<>(Kind.class);
  private final Map<Kind, List<Factory<?>>> distinct = new EnumMap<>(Kind.class);

  private Factories(Collection<? extends Factory<?>> factories) {
    for (Kind kind : Kind.values()) {
      byKind.put(kind, new TreeMap<>());
      distinct.put(kind, new ArrayList<>());
    }
    for (Factory<?> factory : factories) {
      Map<String, Factory<?>> names = byKind.get(factory.kind());
      distinct.get(factory.kind()).add(factory);
      claim(names, factory.type(), factory);
      for (String alias : factory.aliases()) {
        claim(names, alias, factory);
      }
    }
  }

  public static Factories of(Collection<? extends Factory<?>> factories) {
    return new Factories(factories);
  }

  /** The factory for a type or alias of the given kind. */
  public Optional<Factory<?>> find(Kind kind, String typeOrAlias) {
    return Optional.ofNullable(byKind.get(kind).get(typeOrAlias));
  }

  /** Each factory of a kind once, in registration order. */
  public List<Factory<?>> all(Kind kind) {
    return List.copyOf(distinct.get(kind));
  }

  /** The types and aliases of a kind, sorted, for error messages. */
  public List<String> names(Kind kind) {
    return List.copyOf(byKind.get(kind).keySet());
  }

  private static void claim(Map<String, Factory<?>> names, String name, Factory<?> factory) {
    Factory<?> previous = names.putIfAbsent(name, factory);
    if (previous != null) {
      throw new IllegalStateException(
          factory.kind().singular()
              + " type \""
              + name
              + "\" is claimed by both "
              + previous.getClass().getName()
              + " and "
              + factory.getClass().getName());
    }
  }
}
