#include "server/openapi.h"

#include <nlohmann/json.hpp>

namespace vigil::server {
namespace {

constexpr const char* kDocument = R"json({
  "openapi": "3.0.3",
  "info": {
    "title": "vigil screening API",
    "description": "Sanctions screening over a versioned catalog. The matching endpoints follow yente's API: the default catalog answers as dataset `default`, each source dataset (e.g. `un_sc_sanctions`) under its own name. Every answer names the catalog version it was computed from (field `catalog`, header `X-Vigil-Catalog`). Send an API key as `Authorization: Bearer KEY` (or `ApiKey KEY`, or `X-API-Key: KEY`).",
    "version": "VERSION"
  },
  "components": {
    "securitySchemes": {
      "bearer": {"type": "http", "scheme": "bearer"},
      "apiKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"}
    },
    "schemas": {
      "Error": {"type": "object", "required": ["status", "detail"],
        "properties": {"status": {"type": "integer"}, "detail": {"type": "string", "description": "What was wrong, naming the field"}}},
      "EntityExample": {"type": "object", "required": ["properties"],
        "properties": {
          "id": {"type": "string"},
          "schema": {"type": "string", "example": "Person", "description": "FtM schema: Person, Organization, Company, LegalEntity, Vessel, Airplane, Thing …"},
          "properties": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}},
            "example": {"name": ["Kim Jong Un"], "birthDate": ["1984-01-08"], "nationality": ["kp"]}}}},
      "MatchRequest": {"type": "object", "required": ["queries"],
        "properties": {
          "queries": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/EntityExample"}},
          "threshold": {"type": "number"}, "cutoff": {"type": "number"}, "limit": {"type": "integer"},
          "include_dataset": {"type": "array", "items": {"type": "string"}},
          "exclude_dataset": {"type": "array", "items": {"type": "string"}},
          "exclude_entity_ids": {"type": "array", "items": {"type": "string"}}}},
      "Result": {"type": "object",
        "properties": {
          "id": {"type": "string"}, "caption": {"type": "string"}, "schema": {"type": "string"},
          "score": {"type": "number"}, "match": {"type": "boolean"},
          "datasets": {"type": "array", "items": {"type": "string"}},
          "properties": {"type": "object"},
          "explanation": {"type": "object"},
          "suppressed": {"type": "boolean", "description": "A reviewed false positive for this query and this version of the entity: match is false"},
          "review": {"type": "object"}}},
      "EntityMatches": {"type": "object",
        "properties": {
          "status": {"type": "integer"},
          "results": {"type": "array", "items": {"$ref": "#/components/schemas/Result"}},
          "total": {"type": "object", "properties": {"value": {"type": "integer"}, "relation": {"type": "string"}}},
          "query": {"$ref": "#/components/schemas/EntityExample"},
          "decision": {"type": "string", "enum": ["alert", "clear"]},
          "audit_seq": {"type": "integer", "description": "The audit record of this screening: decide on its alerts with POST /cases/decisions"}}},
      "MatchResponse": {"type": "object",
        "properties": {
          "responses": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/EntityMatches"}},
          "limit": {"type": "integer"}, "catalog": {"type": "string"}, "matcher": {"type": "object"}}},
      "Decision": {"type": "object", "required": ["audit_seq", "entity_id", "verdict", "reason"],
        "properties": {
          "audit_seq": {"type": "integer"}, "entity_id": {"type": "string"},
          "verdict": {"type": "string", "enum": ["true_match", "false_positive"]},
          "reason": {"type": "string"}, "analyst": {"type": "string"}}}
    }
  },
  "security": [{"bearer": []}, {"apiKeyHeader": []}],
  "paths": {
    "/match/{dataset}": {"post": {
      "summary": "Screen a batch of entities (yente-compatible)", "tags": ["Matching"],
      "parameters": [
        {"name": "dataset", "in": "path", "required": true, "schema": {"type": "string", "default": "default"}},
        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
        {"name": "threshold", "in": "query", "schema": {"type": "number"}},
        {"name": "cutoff", "in": "query", "schema": {"type": "number"}},
        {"name": "include_dataset", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "exclude_dataset", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
        {"name": "exclude_entity_ids", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}}],
      "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MatchRequest"}}}},
      "responses": {
        "200": {"description": "Results per query", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MatchResponse"}}}},
        "400": {"description": "Malformed JSON, no queries or too many", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
        "401": {"description": "Missing, unknown or revoked API key"},
        "404": {"description": "Unknown dataset"},
        "413": {"description": "Body too large"},
        "422": {"description": "A query or option is invalid (the message names it)"},
        "429": {"description": "Rate limit exceeded (see Retry-After)"},
        "503": {"description": "The audit trail could not be written; nothing was screened"}}}},
    "/search/{dataset}": {"get": {
      "summary": "Search by name", "tags": ["Matching"],
      "parameters": [
        {"name": "dataset", "in": "path", "required": true, "schema": {"type": "string"}},
        {"name": "q", "in": "query", "required": true, "schema": {"type": "string"}},
        {"name": "schema", "in": "query", "schema": {"type": "string"}},
        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
        {"name": "cutoff", "in": "query", "schema": {"type": "number"}}],
      "responses": {"200": {"description": "Results"}, "400": {"description": "No query text"}}}},
    "/entities/{id}": {"get": {
      "summary": "One entity as FtM JSON", "tags": ["Data"],
      "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
      "responses": {"200": {"description": "The entity"}, "404": {"description": "No such entity"}}}},
    "/catalog": {"get": {"summary": "Catalog version, sources and datasets", "tags": ["Data"],
      "responses": {"200": {"description": "The catalog serving now"}}}},
    "/cases/decisions": {
      "post": {"summary": "Record an analyst's decision on an alert", "tags": ["Cases"],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Decision"}}}},
        "responses": {"201": {"description": "Recorded"}, "404": {"description": "No such screening or alert"}, "422": {"description": "Invalid decision"}}},
      "get": {"summary": "List decisions", "tags": ["Cases"],
        "parameters": [{"name": "entity_id", "in": "query", "schema": {"type": "string"}}],
        "responses": {"200": {"description": "Decisions, oldest first"}}}},
    "/admin/reload": {"post": {"summary": "Load the catalog file again and swap it in (admin key)", "tags": ["Admin"],
      "responses": {"200": {"description": "Swapped"}, "403": {"description": "Not an admin key"}, "422": {"description": "The catalog failed to load; the old one keeps serving"}}}},
    "/healthz": {"get": {"summary": "Liveness", "tags": ["System"], "security": [], "responses": {"200": {"description": "Alive"}}}},
    "/readyz": {"get": {"summary": "Readiness: a catalog is loaded", "tags": ["System"], "security": [], "responses": {"200": {"description": "Ready"}, "503": {"description": "Not ready"}}}},
    "/metrics": {"get": {"summary": "Prometheus metrics", "tags": ["System"], "security": [], "responses": {"200": {"description": "text/plain exposition format"}}}},
    "/openapi.json": {"get": {"summary": "This document", "tags": ["System"], "security": [], "responses": {"200": {"description": "OpenAPI 3"}}}}
  }
})json";

}  // namespace

const std::string& OpenApiJson() {
  static const std::string doc = [] {
    nlohmann::json j = nlohmann::json::parse(kDocument);
    j["info"]["version"] = VIGIL_VERSION_STRING;
    return j.dump();
  }();
  return doc;
}

}  // namespace vigil::server
