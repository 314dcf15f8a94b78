/** `maxDataDepth` unless the project says otherwise. */
export const DEFAULT_MAX_DATA_DEPTH = 100

export const WRITE_OPERATIONS = new Set(['create', 'update', 'updateByID'])
