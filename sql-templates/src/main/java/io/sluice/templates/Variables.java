package io.sluice.templates;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Where the binder looks up a {@code ${name}} that is not a parameter of the template. */
@FunctionalInterface
public interface Variables {

    /**
     * The variable of that name, empty when there is none.
     *
     * @throws TemplateException when the variable exists but has no value here (naming it, saying why)
     */
    Optional<Variable> lookup(String name);

    /** This one first, then {@code next} for the names this one does not have. */
    default Variables then(Variables next) {
        return name -> lookup(name).or(() -> next.lookup(name));
    }

    static Variables none() {
        return name -> Optional.empty();
    }

    /** The given variables by name; of two with the same name the first wins, as with {@link #then}. */
    static Variables of(Collection<Variable> variables) {
        Map<String, Variable> byName = new LinkedHashMap<>();
        variables.forEach(variable -> byName.putIfAbsent(variable.name(), variable));
        return name -> Optional.ofNullable(byName.get(name));
    }
}
