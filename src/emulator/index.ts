// Public entry of the emulator ("remote-rendering-client/emulator").
export { startEmulator } from "./startEmulator";
export type { EmulatorOptions, RunningEmulator } from "./config/emulatorOptions";
export { DEFAULT_EMULATOR_ACCOUNT } from "./auth/accounts";
export type { EmulatorAccount } from "./auth/accounts";
export { ManualClock, createRealClock, createScaledClock } from "./config/clock";
export type { EmulatorClock } from "./config/clock";
export { FAULT_HEADER, FAULT_KINDS, EMULATOR_OPERATIONS } from "./faults/faultTypes";
export type { ActiveFaultRule, EmulatorOperation, FaultKind, FaultRule } from "./faults/faultTypes";
export type { FaultController } from "./faults/faultInjector";
export type { EmulatorLogSink } from "./http/requestLog";
export { SUPPORTED_API_VERSIONS, STS_API_VERSION } from "./http/responseHeaders";
