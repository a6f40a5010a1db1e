package org.lectern.written;

import org.lectern.grading.pdf.PdfPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class WrittenConfiguration {

    /** Renders students' PDFs in a worker JVM started from this application (its fat jar or class path). */
    @Bean
    PdfPages pdfPages() {
        return PdfPages.forThisApplication();
    }
}
