package org.openita.server.home.internal;

import java.util.Locale;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.results.DemoAgency;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final FrameworkCatalog frameworks;
    private final DemoAgency demo;

    HomeController(FrameworkCatalog frameworks, DemoAgency demo) {
        this.frameworks = frameworks;
        this.demo = demo;
    }

    @GetMapping("/")
    String home(Model model, Locale locale) {
        model.addAttribute("frameworks", frameworks.list());
        model.addAttribute("demo", ResultView.of(demo.result(), locale));
        return "home";
    }
}
