package io.sluice.catalog.function;

import java.util.List;
import java.util.Map;

/**
 * A project's function: its history, the version each environment runs, and activations waiting for a decision.
 *
 * @param active environment (test, prod) → active version; an environment without one is absent
 */
public record FunctionView(
        String project, String name, List<FunctionVersion> versions, Map<String, Integer> active, List<ActivationRequest> pending) {}
