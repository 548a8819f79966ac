// Converts a model into an .arrAsset and prints where the result is. The containers and their
// shared access signatures come from the environment (ARR_INPUT_CONTAINER, ARR_INPUT_SAS,
// ARR_OUTPUT_CONTAINER, ARR_OUTPUT_SAS); a storage account linked to the Remote Rendering account
// needs no SAS.
import { connect } from "./sampleConnection.js";

const connection = await connect();
try {
  const client = connection.newClient();
  const conversionId = `sample-conversion-${Date.now()}`;
  const inputSas = process.env["ARR_INPUT_SAS"] ?? "sv=2021-08-06&sp=rl&sig=sample";
  const outputSas = process.env["ARR_OUTPUT_SAS"] ?? "sv=2021-08-06&sp=w&sig=sample";
  const conversion = await client.beginConversion(conversionId, {
    inputSettings: {
      storageContainerUrl:
        process.env["ARR_INPUT_CONTAINER"] ?? "https://mystorage.blob.core.windows.net/input",
      relativeInputAssetPath: "robot.fbx",
      storageContainerReadListSas: inputSas,
    },
    outputSettings: {
      storageContainerUrl:
        process.env["ARR_OUTPUT_CONTAINER"] ?? "https://mystorage.blob.core.windows.net/output",
      outputAssetFilename: "robot.arrAsset",
      storageContainerWriteSas: outputSas,
    },
  });
  console.log(`${conversionId} ${conversion.status}: ${conversion.outputAssetUri}`);
} finally {
  await connection.close();
}
