package org.oversight.childdata.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.oversight.access.AccessRules.LaEditor;
import org.oversight.childdata.ChildDataImporter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Imports of child-level data as JSON, for the LA's own managers and staff; nothing half-stored. */
@RestController
@RequestMapping("/api/v1/local-authorities/{urn}")
@Tag(name = "Child-level data and compliance", description = "SSDA903 imports and statutory timescale compliance (LA-internal)")
@LaEditor
class ChildDataApi {

    private final ChildDataImporter importer;

    ChildDataApi(ChildDataImporter importer) {
        this.importer = importer;
    }

    @PostMapping(value = "/ssda903", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import SSDA903 CSV tables and/or an Annex A workbook (lists 8 and 9, .xlsx) as new snapshots; 400 with every error (file, row, column, value, rule) when nothing is stored")
    ResponseEntity<ChildDataImporter.Outcome> importReturn(@PathVariable int urn, @RequestParam int year,
                                                           @RequestParam(defaultValue = "reject") String mode,
                                                           @RequestPart("files") List<MultipartFile> files) throws IOException {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (MultipartFile f : files) {
            contents.put(f.getOriginalFilename(), f.getBytes());
        }
        ChildDataImporter.Outcome outcome = importer.importReturn(urn, year, contents,
                "accept".equals(mode) ? ChildDataImporter.Mode.ACCEPT_GOOD_ROWS : ChildDataImporter.Mode.REJECT_IF_ANY_ERROR, false);
        return ResponseEntity.status(outcome.stored() ? HttpStatus.CREATED : HttpStatus.BAD_REQUEST).body(outcome);
    }
}
