/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time; affects the output. */
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform being built. */
    TARO_ENV: 'weapp' | 'h5';
    /** The app API origin, e.g. http://127.0.0.1:3000; '' means the page's own origin (H5). */
    TARO_APP_API: string;
    /** Mini program appid, when the build should not use project.config.json's. */
    TARO_APP_ID?: string;
  }
}
