package io.sluice.catalog.changes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.sluice.contract.ChangeEvent;
import io.sluice.contract.ChangeFeedEnd;
import java.util.List;
import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.identity.UserAccount;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/changes")
@Tag(name = "changes", description = "The feed gateways poll to drop cached catalogs and access decisions when they change")
class ChangeController {

    private final ChangeFeed feed;

    ChangeController(ChangeFeed feed) {
        this.feed = feed;
    }

    @GetMapping
    @Operation(summary = "Changes after the given event id, oldest first; poll again with the last id seen")
    List<ChangeEvent> after(
            @AuthenticationPrincipal UserAccount actor,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "500") int limit) {
        mayRead(actor);
        return feed.after(after, limit);
    }

    @GetMapping("/end")
    @Operation(summary = "Where the feed ends now: a reader with nothing cached polls from here, not from 0")
    ChangeFeedEnd end(@AuthenticationPrincipal UserAccount actor) {
        mayRead(actor);
        return feed.end();
    }

    private static void mayRead(UserAccount actor) {
        if (!ChangeFeedReaders.mayRead(actor)) {
            throw CatalogException.forbidden("only the gateway, data admins and system admins may read the change feed");
        }
    }
}
