/**
 * The child-data module's batch commands. Published as the {@code cli} named interface only because the application's
 * {@code main} runs {@code generate-data}, which needs no database, before Spring starts.
 */
@org.springframework.modulith.NamedInterface("cli")
package org.oversight.childdata.cli;
