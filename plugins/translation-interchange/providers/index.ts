export { deeplProvider, type DeepLProviderOptions } from './deepl'
export { libreTranslateProvider, type LibreTranslateProviderOptions } from './libreTranslate'
export { openAiCompatibleProvider, type OpenAiCompatibleProviderOptions } from './openaiCompatible'
