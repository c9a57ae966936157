import type { ReactNode } from 'react';
import { View } from '@tarojs/components';

interface CellGroupProps {
  /** Grey title above the group, e.g. the tenant's name. */
  title?: ReactNode;
  children: ReactNode;
}

/** A white WeUI cell group with its optional grey title. */
export function CellGroup({ title, children }: CellGroupProps) {
  return (
    <View className='weui-cells-group'>
      {title !== undefined && <View className='weui-cells__title'>{title}</View>}
      <View className='weui-cells'>{children}</View>
    </View>
  );
}

interface CellProps {
  title: ReactNode;
  /** Secondary line under the title (14 px grey). */
  description?: ReactNode;
  /** Right-hand side. */
  value?: ReactNode;
  /** Shows the chevron: the cell opens another page. */
  access?: boolean;
  onClick?: () => void;
  className?: string;
}

export function Cell({ title, description, value, access = false, onClick, className }: CellProps) {
  const classes = ['weui-cell', access ? 'weui-cell_access' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes} hoverClass={onClick ? 'weui-cell_active' : 'none'} onClick={onClick}>
      <View className='weui-cell__bd'>
        <View className='weui-cell__title'>{title}</View>
        {description !== undefined && <View className='weui-cell__desc'>{description}</View>}
      </View>
      {(value !== undefined || access) && <View className='weui-cell__ft'>{value}</View>}
    </View>
  );
}
