/**
 * The reports module's batch commands. Published as the {@code cli} named interface only because the application's
 * {@code main} runs the commands that need no database ({@code extract-reports}, {@code bench-import}) before Spring starts.
 */
@org.springframework.modulith.NamedInterface("cli")
package org.oversight.reports.cli;
