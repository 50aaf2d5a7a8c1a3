// Types for the parts of @cornerstonejs/codec-openjpeg's decoder build (an Emscripten module with an
// embind J2KDecoder class, chafey/openjpegjs's API) that src/image uses; the package ships none.
declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  export interface OpenJpegFrameInfo {
    width: number;
    height: number;
    bitsPerSample: number;
    componentCount: number;
    isSigned: boolean;
  }
  export interface J2KDecoder {
    /** Allocates the input buffer in wasm memory; the caller copies the encoded bytes into it. */
    getEncodedBuffer(length: number): Uint8Array;
    /** Interleaved samples, 1 byte each up to 8 bits, 2 (little-endian) above. */
    getDecodedBuffer(): Uint8Array;
    decode(): void;
    getFrameInfo(): OpenJpegFrameInfo;
    /** OpenJPEG's OPJ_COLOR_SPACE: -1 unknown, 0 unspecified, 1 sRGB, 2 grey, 3 sYCC, 4 e-YCC, 5 CMYK. */
    getColorSpace(): number;
    delete(): void;
  }
  export interface OpenJpegModule {
    J2KDecoder: new () => J2KDecoder;
  }
  export interface OpenJpegModuleOptions {
    locateFile?: (path: string, scriptDirectory: string) => string;
    print?: (text: string) => void;
    printErr?: (text: string) => void;
  }
  const factory: (options?: OpenJpegModuleOptions) => Promise<OpenJpegModule>;
  export default factory;
}
