package io.sluice.catalog.template;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.common.CatalogException;
import io.sluice.contract.TemplateView;
import io.sluice.templates.Template;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the presets the platform ships ({@value #LOCATION}) at start-up: a preset not stored yet becomes version 1,
 * one whose shipped text changed the next version, an unchanged one stays. A shipped preset the checks refuse stops
 * the service: it is a defect of the build, not something to run without.
 */
@Component
class PresetLoader implements ApplicationRunner {

    static final String LOCATION = "classpath:templates/presets/*.json";
    static final String PLATFORM = "platform";

    private static final Logger log = LoggerFactory.getLogger(PresetLoader.class);

    private final TemplateRepository templates;
    private final TemplateService service;
    private final ObjectMapper json;

    PresetLoader(TemplateRepository templates, TemplateService service, ObjectMapper json) {
        this.templates = templates;
        this.service = service;
        this.json = json;
    }

    /** Each preset is stored in a transaction of its own (the service's), so that one instance's race loses no other. */
    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
            NewTemplate shipped;
            try (InputStream in = resource.getInputStream()) {
                shipped = json.readValue(in, NewTemplate.class);
            }
            load(resource.getFilename(), shipped);
        }
    }

    private void load(String file, NewTemplate shipped) {
        Template template;
        try {
            Optional<TemplateView> newest = templates.newest(null, Objects.requireNonNull(shipped.name(), "name"));
            template = TemplateRules.template(shipped, newest.map(v -> v.version() + 1).orElse(1));
            if (newest.isPresent() && same(newest.get(), template)) {
                return;
            }
            service.store(null, template, PLATFORM);
        } catch (CatalogException refused) {
            if (refused.status() == HttpStatus.CONFLICT) {
                log.info("preset {}: another catalog-service stored its new version first", shipped.name());
                return;
            }
            throw refusedPreset(file, refused);
        } catch (RuntimeException refused) {
            throw refusedPreset(file, refused);
        }
        log.info("preset {} is now version {}", template.name(), template.version());
    }

    private static IllegalStateException refusedPreset(String file, RuntimeException refused) {
        return new IllegalStateException("the shipped preset " + file + " is refused: " + refused.getMessage(), refused);
    }

    private static boolean same(TemplateView stored, Template shipped) {
        return stored.sql().equals(shipped.sql()) && Objects.equals(stored.description(), shipped.description())
                && stored.parameters().equals(shipped.parameters().stream().map(TemplateRules::view).toList());
    }
}
