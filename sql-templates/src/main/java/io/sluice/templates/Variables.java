package io.sluice.templates;

import java.util.Optional;

/** Where the binder looks up a {@code ${name}} that is not a parameter of the template. */
@FunctionalInterface
public interface Variables {

    Optional<Variable> lookup(String name);
}
