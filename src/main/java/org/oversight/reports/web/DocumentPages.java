package org.oversight.reports.web;

import org.oversight.access.AccessRules.PublicRead;
import org.oversight.reports.DocumentStore;
import org.oversight.shared.problem.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The stored Ofsted documents, by checksum. They are Ofsted's published reports and letters, so anyone may read them. */
@Controller
@PublicRead
class DocumentPages {

    private final DocumentStore documents;

    DocumentPages(DocumentStore documents) {
        this.documents = documents;
    }

    @GetMapping("/documents/{sha256:[0-9a-f]{64}}")
    ResponseEntity<byte[]> document(@PathVariable String sha256) {
        DocumentStore.StoredDocument doc = documents.find(sha256)
                .orElseThrow(() -> new NotFoundException("No document has the checksum " + sha256));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(doc.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, org.oversight.shared.web.Downloads.inline(doc.fileName()))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=31536000, immutable")
                .body(doc.content());
    }
}
