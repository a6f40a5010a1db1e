package org.lectern.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** REST: what waits for course staff. */
@RestController
class TaDashboardController {

    private final TaDashboardService service;

    TaDashboardController(TaDashboardService service) {
        this.service = service;
    }

    @Operation(summary = "What waits for course staff, each with a count (staff)")
    @GetMapping("/api/v1/courses/{courseId}/ta-dashboard")
    List<TaDashboardService.Waiting> waiting(@PathVariable long courseId) {
        return service.waiting(courseId);
    }
}
