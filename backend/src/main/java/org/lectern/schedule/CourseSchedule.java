package org.lectern.schedule;

import java.util.List;
import org.lectern.course.CourseAccess;
import org.lectern.course.Section;

/** Everything the schedule page shows, already filtered for the caller's role. */
public record CourseSchedule(CourseAccess.Grant grant, List<ScheduleAssembler.WeekBlock> weeks, List<Section> sections,
                             List<CourseItem> unplaced) {
}
