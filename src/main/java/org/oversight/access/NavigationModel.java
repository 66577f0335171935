package org.oversight.access;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.oversight.shared.Dates;
import org.oversight.shared.web.LayoutModel;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Who is signed in, as the layout shows them (their name, never their username) and what their navigation holds:
 * only links their role may follow. On a refusal (403) it also says why, and what the person can do instead.
 */
@ControllerAdvice(annotations = Controller.class)
class NavigationModel implements LayoutModel {

    private static final Pattern LA_PATH = Pattern.compile("^/local-authorities/(\\d+)(/.*)?$");

    private final CurrentUser currentUser;
    private final InspectorGrants grants;

    NavigationModel(CurrentUser currentUser, InspectorGrants grants) {
        this.currentUser = currentUser;
        this.grants = grants;
    }

    @ModelAttribute("viewer")
    Viewer viewer() {
        return currentUser.get().map(u -> new Viewer(u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName(),
                u.role(), u.laUrn(), u.laName())).orElse(null);
    }

    @Override
    public void addTo(Map<String, Object> model, HttpServletRequest request, String path, int status) {
        Viewer viewer = viewer();
        if (viewer != null) {
            model.putIfAbsent("viewer", viewer);
        }
        if (status == 403 && viewer != null) {
            model.put("refusal", refusal(viewer, path == null ? "" : path));
        }
    }

    /** Why this person was refused this path, in words that say what they can do. */
    Refusal refusal(Viewer viewer, String path) {
        Matcher la = LA_PATH.matcher(path);
        Integer urn = la.matches() ? Integer.valueOf(la.group(1)) : null;
        return switch (viewer.role()) {
            case INSPECTOR -> inspectorRefusal(urn);
            case NATIONAL_ANALYST, ADMIN -> new Refusal("refusal.national", List.of());
            case COUNCILLOR -> urn != null && !urn.equals(viewer.laUrn())
                    ? new Refusal("refusal.otherLa", List.of(viewer.laName()))
                    : new Refusal("refusal.councillor", List.of());
            case LA_STAFF -> urn != null && !urn.equals(viewer.laUrn())
                    ? new Refusal("refusal.otherLa", List.of(viewer.laName()))
                    : new Refusal("refusal.staff", List.of());
            case LA_MANAGER -> urn != null && !urn.equals(viewer.laUrn())
                    ? new Refusal("refusal.otherLa", List.of(viewer.laName()))
                    : new Refusal("refusal.manager", List.of());
        };
    }

    private Refusal inspectorRefusal(Integer urn) {
        Optional<OversightUser> user = currentUser.get();
        if (user.isEmpty()) {
            return new Refusal("refusal.inspector.none", List.of());
        }
        var today = grants.today();
        List<InspectorGrants.MyGrant> mine = grants.mine(user.get().id()).stream()
                .filter(g -> urn == null || g.laUrn() == urn).toList();
        Optional<InspectorGrants.MyGrant> upcoming = mine.stream().filter(g -> g.startsOn().isAfter(today)).findFirst();
        if (upcoming.isPresent() && mine.stream().noneMatch(g -> g.inForce(today))) {
            var g = upcoming.get();
            return new Refusal("refusal.inspector.starts", List.of(g.laName(), Dates.day(g.startsOn()), Dates.day(g.endsOn())));
        }
        if (mine.stream().anyMatch(g -> g.inForce(today))) {
            return new Refusal("refusal.inspector.readOnly", List.of());
        }
        return new Refusal("refusal.inspector.none", List.of());
    }
}
