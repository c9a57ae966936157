import { View } from '@tarojs/components';
import './index.scss';

interface StepBarProps {
  steps: string[];
  current: number;
}

/** Where the user is in 重置税局密码: the steps of the seed, the current one in green. */
export function StepBar({ steps, current }: StepBarProps) {
  return (
    <View className='password-steps'>
      {steps.map((label, index) => (
        <View
          key={label}
          className={`password-steps__item ${index === current ? 'password-steps__item_on' : ''} ${
            index < current ? 'password-steps__item_done' : ''
          }`}
        >
          <View className='password-steps__index'>{index + 1}</View>
          <View className='password-steps__label'>{label}</View>
        </View>
      ))}
    </View>
  );
}
