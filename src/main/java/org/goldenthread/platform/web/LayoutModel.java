package org.goldenthread.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.goldenthread.platform.Caller;
import org.goldenthread.platform.Navigation;
import org.goldenthread.platform.NavigationItem;
import org.goldenthread.platform.Scope;
import org.goldenthread.platform.Tenant;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in, which ICS is in view, and where they can go. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final List<Navigation> navigation;

    LayoutModel(List<Navigation> navigation) {
        this.navigation = navigation;
    }

    @ModelAttribute("caller")
    Caller caller() {
        return Scope.current().caller();
    }

    @ModelAttribute("tenant")
    Tenant tenant() {
        return Scope.current().tenant();
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation(HttpServletRequest request) {
        Caller caller = Scope.current().caller();
        // @RestController counts as a @Controller here, but an API answer has no page header to fill
        if (caller == null || ProblemResponses.isApi(request.getRequestURI().substring(request.getContextPath().length()))) {
            return List.of();
        }
        Tenant tenant = Scope.current().tenant();
        return navigation.stream().flatMap(n -> n.itemsFor(caller, tenant).stream())
                .sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
