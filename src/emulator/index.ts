// Public entry of the emulator ("remote-rendering-client/emulator").
export { startEmulator } from "./startEmulator";
export type { EmulatorOptions, RunningEmulator } from "./emulatorOptions";
export { DEFAULT_EMULATOR_ACCOUNT } from "./accounts";
export type { EmulatorAccount } from "./accounts";
export { ManualClock, createRealClock, createScaledClock } from "./clock";
export type { EmulatorClock } from "./clock";
export { FAULT_HEADER, FAULT_KINDS, EMULATOR_OPERATIONS } from "./faultTypes";
export type { ActiveFaultRule, EmulatorOperation, FaultKind, FaultRule } from "./faultTypes";
export type { FaultController } from "./faultInjector";
export type { EmulatorLogSink } from "./requestLog";
export { SUPPORTED_API_VERSIONS, STS_API_VERSION } from "./responseHeaders";
