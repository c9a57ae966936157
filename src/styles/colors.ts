/**
 * WeUI's red for the 确定 of a dangerous Taro.showModal (解绑, 删除, 退出): the API takes a hex colour,
 * not a CSS variable. WeUI's RED is the same in its light and dark themes (styles/theme.scss).
 */
export const DANGER_CONFIRM_COLOR = '#FA5151';
