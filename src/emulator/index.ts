// Public entry of the emulator ("remote-rendering-client/emulator").
export { startEmulator } from "./startEmulator.js";
export type { EmulatorOptions, RunningEmulator } from "./config/emulatorOptions.js";
export { DEFAULT_EMULATOR_ACCOUNT } from "./auth/accounts.js";
export type { EmulatorAccount } from "./auth/accounts.js";
export { ManualClock, createRealClock, createScaledClock } from "./config/clock.js";
export type { EmulatorClock } from "./config/clock.js";
export { FAULT_HEADER, FAULT_KINDS, EMULATOR_OPERATIONS } from "./faults/faultTypes.js";
export type { ActiveFaultRule, EmulatorOperation, FaultKind, FaultRule } from "./faults/faultTypes.js";
export type { FaultController } from "./faults/faultInjector.js";
export type { EmulatorLogSink } from "./http/requestLog.js";
export { createBufferedLogSink } from "./http/bufferedLogSink.js";
export type { BufferedLogSink } from "./http/bufferedLogSink.js";
export { SUPPORTED_API_VERSIONS, STS_API_VERSION } from "./http/responseHeaders.js";
export { DEVELOPMENT_STORAGE_ACCOUNT } from "./storage/blobStorage.js";
export type { EmulatorStorageInfo, EmulatorStorageOption } from "./storage/blobStorage.js";
export { EMULATOR_ASSET_FORMAT } from "./storage/conversionOutputFiles.js";
