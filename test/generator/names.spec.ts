// Naming rules of the emitter (generator/src/names.ts) and its doc comments.
import assert from "node:assert/strict";
import { docComment } from "../../generator/src/docComment";
import {
  camelCase,
  factoryFileName,
  modelTypeName,
  operationTypeName,
  outputTypeName,
  parameterIdentifier,
  pascalCase,
  propertyKey,
} from "../../generator/src/names";

describe("generator: names", function () {
  it("builds RLC operation names from group and operation", function () {
    assert.equal(operationTypeName("RemoteRendering", "CreateSession"), "RemoteRenderingCreateSession");
    assert.equal(operationTypeName("", "GetToken"), "GetToken");
    assert.equal(operationTypeName("ingestion_job", "create"), "IngestionJobCreate");
  });

  it("names models in PascalCase, renames globals, and suffixes outputs", function () {
    assert.equal(modelTypeName("session_properties"), "SessionProperties");
    assert.equal(modelTypeName("Error"), "ErrorModel");
    assert.equal(outputTypeName("Error"), "ErrorModelOutput");
    assert.equal(outputTypeName("ConversionOutput"), "ConversionOutputOutput");
    assert.equal(pascalCase("remote-rendering client"), "RemoteRenderingClient");
  });

  it("makes identifiers for path and host parameters", function () {
    assert.equal(parameterIdentifier("account_id"), "accountId");
    assert.equal(parameterIdentifier("$host"), "endpoint");
    assert.equal(parameterIdentifier("class"), "classParam");
    assert.equal(parameterIdentifier("2nd"), "p2nd");
    assert.equal(camelCase("MSCV"), "mscv");
  });

  it("quotes property keys that are not identifiers", function () {
    assert.equal(propertyKey("sessions"), "sessions");
    assert.equal(propertyKey("@nextLink"), '"@nextLink"');
    assert.equal(propertyKey("ms-cv"), '"ms-cv"');
  });

  it("names the factory file after the title with its first letter lower-cased, as the reference does", function () {
    assert.equal(factoryFileName("RemoteRendering"), "remoteRendering");
    assert.equal(factoryFileName("LRORestClient"), "lRORestClient");
    assert.equal(factoryFileName("url rest client"), "urlRestClient");
  });

  it("writes doc comments that cannot be closed early by their text", function () {
    assert.equal(docComment(""), "");
    assert.equal(docComment("One line."), "/** One line. */\n");
    assert.equal(docComment("a */ b"), "/** a *\\/ b */\n");
    assert.equal(docComment("First.\n\nSecond."), "/**\n * First.\n *\n * Second.\n */\n");
  });
});
