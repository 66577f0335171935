package org.oversight.shared.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.oversight.shared.problem.FieldProblem;
import org.oversight.shared.problem.InvalidInputException;
import org.oversight.shared.problem.NotFoundException;
import org.oversight.shared.upload.ImportSlots;
import org.oversight.shared.upload.UploadLimitException;
import org.oversight.shared.upload.UploadLimits;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Bad requests of every kind, for pages and the API alike, including those that fail before a controller is chosen
 * (an upload too large, a wrong Content-Type): never a 500. The API ({@code /api/...}) answers an RFC 9457 problem
 * detail naming the field; a page answers a GOV.UK error page with the same status and words. No message names an
 * internal class: a JSON body's problem is said with its field path ("actions[0].dueDate") and what was expected.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestErrors {

    private final UploadLimits limits;

    RequestErrors(UploadLimits limits) {
        this.limits = limits;
    }

    @ExceptionHandler(UploadLimitException.class)
    Object tooLarge(UploadLimitException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.CONTENT_TOO_LARGE, "Too large", e.getMessage() + ". Nothing was stored.",
                e.setting() == null ? List.of() : List.of(new FieldProblem("files", e.getMessage())), e.setting());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request, HttpServletResponse response) {
        String detail = "The upload is too large: each file can be up to " + UploadLimits.words(limits.maxFileSize()) + " and all the files together up to "
                + UploadLimits.words(limits.maxUploadSize()) + ". Nothing was stored.";
        return respond(request, response, HttpStatus.CONTENT_TOO_LARGE, "Too large", detail,
                List.of(new FieldProblem("files", detail)), "oversight.imports.max-file-size");
    }

    @ExceptionHandler(ImportSlots.ImportsBusyException.class)
    Object busy(ImportSlots.ImportsBusyException e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(ImportSlots.RETRY_AFTER_SECONDS));
        return respond(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Busy", e.getMessage() + ". Nothing was stored.", List.of(),
                "oversight.imports.max-concurrent");
    }

    /** Exports and report generation, every slot taken (NonInteractiveWork): 503 with Retry-After; pages are not refused. */
    @ExceptionHandler(org.oversight.shared.upload.WorkSlots.BusyException.class)
    Object busy(org.oversight.shared.upload.WorkSlots.BusyException e, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        return respond(request, response, HttpStatus.SERVICE_UNAVAILABLE, "Busy", e.getMessage() + ".", List.of(), e.setting());
    }

    @ExceptionHandler(MultipartException.class)
    Object badMultipart(MultipartException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.BAD_REQUEST, "Invalid upload",
                "The upload could not be read: send the files as multipart/form-data, each in a part named 'files'",
                List.of(new FieldProblem("files", "Send the files as multipart/form-data")), null);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupported(HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
        String given = e.getContentType() == null || request.getContentType() == null ? "no Content-Type" : "Content-Type " + e.getContentType();
        String wanted = e.getSupportedMediaTypes().stream().map(MediaType::toString).filter(t -> !t.contains("*")).distinct()
                .collect(Collectors.joining(" or "));
        String detail = "The request was sent with " + given + "; this endpoint takes " + (wanted.isEmpty() ? "application/json" : wanted);
        if (!e.getSupportedMediaTypes().isEmpty()) {
            response.setHeader(HttpHeaders.ACCEPT, wanted);
        }
        return respond(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", detail,
                List.of(new FieldProblem("Content-Type", detail)), null);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request, HttpServletResponse response) {
        String offered = e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        return respond(request, response, HttpStatus.NOT_ACCEPTABLE, "Not acceptable", "This endpoint answers " + offered
                + ": ask for one of these in the Accept header", List.of(new FieldProblem("Accept", "Ask for " + offered)), null);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response) {
        if (e.getSupportedHttpMethods() != null) {
            response.setHeader(HttpHeaders.ALLOW, e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", ")));
        }
        return respond(request, response, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", "This address does not take "
                + e.getMethod() + (e.getSupportedMethods() == null ? "" : "; it takes " + String.join(", ", e.getSupportedMethods())), List.of(), null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request, HttpServletResponse response) {
        String detail = "The request needs the parameter '" + e.getParameterName() + "'";
        return respond(request, response, HttpStatus.BAD_REQUEST, "Invalid request", detail, List.of(new FieldProblem(e.getParameterName(), detail)), null);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    Object missingPart(MissingServletRequestPartException e, HttpServletRequest request, HttpServletResponse response) {
        String detail = "The upload needs a part named '" + e.getRequestPartName() + "'";
        return respond(request, response, HttpStatus.BAD_REQUEST, "Invalid request", detail, List.of(new FieldProblem(e.getRequestPartName(), detail)), null);
    }

    @ExceptionHandler(ServletRequestBindingException.class)
    Object binding(ServletRequestBindingException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.BAD_REQUEST, "Invalid request", "The request is missing something it needs: check its "
                + "parameters and headers against the API description", List.of(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    Object mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response) {
        boolean inPath = e.getParameter().hasParameterAnnotation(PathVariable.class);
        String value = e.getValue() == null ? "" : String.valueOf(e.getValue());
        String expected = expected(e.getRequiredType());
        if (inPath && !api(request)) {
            // An address with a malformed id is an address that does not exist.
            return page(response, HttpStatus.NOT_FOUND, "404", null);
        }
        String detail = "'" + shorten(value) + "' is not a valid " + e.getName() + (expected == null ? "" : ": give " + expected);
        return respond(request, response, HttpStatus.BAD_REQUEST, "Invalid parameter", detail, List.of(new FieldProblem(e.getName(), detail)), null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    Object unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UploadLimitException limit) {
                return tooLarge(limit, request, response);
            }
        }
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof JacksonException)) {
            cause = cause.getCause();
        }
        FieldProblem problem = describe(cause);
        return respond(request, response, HttpStatus.BAD_REQUEST, "Unreadable request body", problem.message(), List.of(problem), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object noResource(NoResourceFoundException e, HttpServletRequest request, HttpServletResponse response) {
        return respond(request, response, HttpStatus.NOT_FOUND, "Not found", "Nothing is at this address", List.of(), null);
    }

    /** What is wrong with a JSON body, in words: the field's path and what it should be; never a Java type. */
    static FieldProblem describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException u) {
            return new FieldProblem(path(u), "'" + u.getPropertyName() + "' is not a field of this request");
        }
        if (cause instanceof InvalidFormatException f) {
            String expected = expected(f.getTargetType());
            return new FieldProblem(path(f), "'" + shorten(String.valueOf(f.getValue())) + "' is not a valid value for " + path(f)
                    + (expected == null ? "" : ": give " + expected));
        }
        if (cause instanceof MismatchedInputException m) {
            String field = path(m);
            String expected = expected(m.getTargetType());
            if (field.isEmpty()) {
                return new FieldProblem("body", "The request needs a JSON object as its body" + (expected == null ? "" : " (" + expected + ")"));
            }
            return new FieldProblem(field, "The value of " + field + " is not of the right kind" + (expected == null ? "" : ": give " + expected));
        }
        if (cause instanceof DatabindException d && !path(d).isEmpty()) {
            return new FieldProblem(path(d), "The value of " + path(d) + " cannot be used");
        }
        if (cause instanceof StreamReadException r && r.getLocation() != null) {
            return new FieldProblem("body", "The body is not valid JSON (line " + r.getLocation().getLineNr() + ", column "
                    + r.getLocation().getColumnNr() + ")");
        }
        return new FieldProblem("body", "The request needs a valid JSON body");
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** What a value should look like, in words, for the common types; null for others (never a class name). */
    static String expected(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == java.time.LocalDate.class) {
            return "a real date as yyyy-mm-dd, for example 2026-04-06";
        }
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class || type == java.time.LocalDateTime.class) {
            return "a date and time as yyyy-mm-ddThh:mm:ss";
        }
        if (type == java.util.UUID.class) {
            return "an id such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "text";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return null;
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }

    static boolean api(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.startsWith("/api/") || uri.equals("/api");
    }

    private Object respond(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail,
                           List<FieldProblem> errors, String setting) {
        if (api(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
            problem.setTitle(title);
            problem.setInstance(URI.create(request.getRequestURI()));
            if (!errors.isEmpty()) {
                problem.setProperty("errors", errors.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
            }
            if (setting != null) {
                problem.setProperty("limit", setting);
            }
            return org.springframework.http.ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        String code = switch (status) {
            case NOT_FOUND -> "404";
            case CONTENT_TOO_LARGE -> "413";
            case SERVICE_UNAVAILABLE -> "503";
            case METHOD_NOT_ALLOWED -> "405";
            default -> "400";
        };
        return page(response, status, code, detail);
    }

    private static ModelAndView page(HttpServletResponse response, HttpStatus status, String code, String detail) {
        response.setStatus(status.value());
        ModelAndView page = new ModelAndView("error/page", status);
        page.addObject("titleKey", "error." + code + ".title");
        page.addObject("bodyKey", "error." + code + ".body");
        page.addObject("detail", detail);
        return page;
    }
}
