// What Taro's build defines for the app; tests run as the weapp build unless a test says otherwise.
process.env.TARO_ENV = 'weapp';
process.env.TARO_APP_API = 'http://api.test';
