// Taro's components for jsdom: the plain React ones of @tarojs/components-react (View, Text, Input,
// Button …) over the custom-element wrappers, which jsdom cannot run. lib/react must load first:
// the other order is a circular import (TOOLCHAIN.md). components-react itself imports
// '@tarojs/components' (this file), so the exports object is filled in place, never replaced.
Object.assign(module.exports, require('@tarojs/components/lib/react'));
Object.assign(module.exports, require('@tarojs/components-react'));
